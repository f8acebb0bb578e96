//! One text in both languages, written side by side where it is defined:
//!
//! ```ignore
//! pub(crate) const IMPORT_TITLE: Text = Text::new("Import kontaktů", "Import contacts");
//! view! { <h1>{i18n.tr(&IMPORT_TITLE)}</h1> }
//! ```
//!
//! Texts are `pub(crate)` constants in private modules, so one nobody uses is a dead-code warning
//! (and `clippy -D warnings` fails): no dead keys.

use bizkit_contract::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub cs: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(cs: &'static str, en: &'static str) -> Self {
        Self { cs, en }
    }

    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Cs => self.cs,
            Lang::En => self.en,
        }
    }
}
