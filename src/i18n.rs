//! Czech and English. The contract crate's catalogue words every validation message; this module words
//! the app's own text. The language follows the browser (Czech for a Czech or Slovak browser) until the
//! person picks one, which is remembered.
//!
//! The app's texts are [`Text`] constants, each written once with its Czech and English side by side
//! in a `texts!` table, which also tests them. A page's own texts are in the page's module
//! (`pages::<page>::t`); what several pages or components show is here: [`ui`] (the admin app's shell
//! and components, and the field names every form shares) and [`portal`] (the widget, the select, the
//! ARES fill and the company and address fields of the customer side).

use bizkit_contract::{ErrorCode, Lang};
use leptos::prelude::*;

use crate::storage;

pub mod names;
pub mod portal;
pub mod text;
pub mod ui;

pub use text::Text;
pub(crate) use text::texts;

const LANG_KEY: &str = "bizkit.lang";

#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    pub fn provide() -> I18n {
        let lang = RwSignal::new(initial_lang());
        Effect::new(move |_| {
            let l = lang.get();
            storage::local_set(LANG_KEY, code(l));
            if let Some(html) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = html.set_attribute("lang", code(l));
            }
        });
        let i18n = I18n { lang };
        provide_context(i18n);
        i18n
    }

    /// A [`Text`] that follows the language, for a text node or a text prop: `{i18n.tr(&TITLE)}`. One
    /// closure type for every text, so they all share one instantiation of Leptos's text rendering.
    pub fn tr(self, text: &'static Text) -> impl Fn() -> &'static str + Copy {
        move || text.get(self.lang.get())
    }

    /// A [`Text`] in the current language, read once (for messages built at a moment in time).
    pub fn now(self, text: &Text) -> &'static str {
        text.get(self.lang.get_untracked())
    }

    /// Localised text for a code from the server: our own wording when we know the code, the server's
    /// message otherwise.
    pub fn code_message(&self, code: &str, server_message: &str) -> String {
        match ErrorCode::from_code(code) {
            Some(c) => bizkit_contract::message(c, self.lang.get()).to_owned(),
            None if !server_message.trim().is_empty() => server_message.to_owned(),
            None => ui::ERROR_UNKNOWN.get(self.lang.get()).to_owned(),
        }
    }
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n {
        lang: RwSignal::new(Lang::En),
    })
}

pub fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Cs => "cs",
        _ => "en",
    }
}

fn initial_lang() -> Lang {
    if let Some(saved) = storage::local_get(LANG_KEY) {
        return parse_lang(&saved).unwrap_or(Lang::En);
    }
    let langs = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect::<Vec<_>>())
        .unwrap_or_default();
    pick_lang(&langs)
}

fn parse_lang(s: &str) -> Option<Lang> {
    match s {
        "cs" => Some(Lang::Cs),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The first of the browser's languages that we speak; Slovak readers get Czech, which they read easily.
pub fn pick_lang(browser: &[String]) -> Lang {
    for tag in browser {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "cs" | "sk" => return Lang::Cs,
            "en" => return Lang::En,
            _ => {}
        }
    }
    Lang::En
}

/// Fills `{}` in a template with `value`.
pub fn fill(template: &str, value: &str) -> String {
    template.replacen("{}", value, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_language_decides_until_chosen() {
        let l = |v: &[&str]| pick_lang(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&["cs-CZ", "en"]), Lang::Cs);
        assert_eq!(l(&["sk"]), Lang::Cs);
        assert_eq!(l(&["de-DE", "en-GB"]), Lang::En);
        assert_eq!(l(&["de"]), Lang::En);
        assert_eq!(l(&[]), Lang::En);
    }

    #[test]
    fn fill_replaces_the_placeholder_once() {
        assert_eq!(fill("Add “{}”", "vip"), "Add “vip”");
    }
}
