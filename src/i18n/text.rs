//! One text in both languages, written side by side where it is defined:
//!
//! ```ignore
//! texts! { IMPORT_TITLE: "Import kontaktů", "Import contacts"; }
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

/// Declares a module's texts, each once with its Czech and English side by side, and `ALL` (every
/// one of them, for the tests) from the same list, so no text can be missing from the checks.
///
/// ```ignore
/// texts! {
///     /// A doc comment says where the text shows.
///     IMPORT_TITLE: "Import kontaktů", "Import contacts";
/// }
/// ```
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident: $cs:literal, $en:literal;)*) => {
        $($(#[$doc])* pub(crate) const $name: Text = Text::new($cs, $en);)*

        /// Every text of this module, for the tests.
        #[cfg(test)]
        pub(crate) const ALL: &[&Text] = &[$(&$name),*];
    };
}
pub(crate) use texts;

/// What the tests of every text module check of its texts.
#[cfg(test)]
pub(crate) mod check {
    use super::Text;

    /// A `{}` in one language and not in the other would drop or leak the filled-in value.
    pub(crate) fn placeholders_agree(all: &[&Text]) {
        for t in all {
            assert_eq!(
                t.cs.matches("{}").count(),
                t.en.matches("{}").count(),
                "{t:?}"
            );
        }
    }
}
